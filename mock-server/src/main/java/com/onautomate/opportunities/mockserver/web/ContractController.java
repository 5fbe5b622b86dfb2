package com.onautomate.opportunities.mockserver.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contract (from the api artifact) and Swagger UI on it, served from the jar: no CDN. */
@RestController
class ContractController {

  private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  private static final String DOCS = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>OnAutomate Opportunities API — mock server</title>
        <link rel="stylesheet" href="/webjars/swagger-ui/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/webjars/swagger-ui/swagger-ui-bundle.js"></script>
        <script>
          window.ui = SwaggerUIBundle({
            url: '/openapi.yaml',
            dom_id: '#swagger-ui',
            persistAuthorization: true,
            // Try it out against this server, whatever address it was reached at.
            requestInterceptor: function (request) { return request; }
          });
        </script>
      </body>
      </html>
      """;

  @GetMapping({"/openapi.yaml", "/openapi.yml"})
  ResponseEntity<Resource> yaml() {
    return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("openapi.yaml"));
  }

  @GetMapping("/openapi.json")
  ResponseEntity<Resource> json() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new ClassPathResource("openapi.json"));
  }

  @GetMapping({"/docs", "/docs/"})
  ResponseEntity<String> docs() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(DOCS);
  }
}
