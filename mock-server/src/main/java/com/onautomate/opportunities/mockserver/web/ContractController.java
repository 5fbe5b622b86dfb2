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
          // Try it out goes to the server that served this page, at the address and port it was
          // reached at: the contract's own servers (production first) are replaced, so a token
          // typed here is never sent anywhere else.
          var base = window.location.origin + window.location.pathname.replace(/\\/docs\\/?$/, '');
          fetch(base + '/openapi.json')
            .then(function (answer) { return answer.json(); })
            .then(function (spec) {
              spec.servers = [{url: base, description: 'This mock server'}];
              // Try it out fills every parameter with its example, and the list's thirteen example
              // filters together match nothing: here they start empty, so Execute lists the pipeline.
              Object.values(spec.paths).forEach(function (pathItem) {
                Object.values(pathItem).forEach(function (operation) {
                  (operation.parameters || []).forEach(function (parameter) {
                    if (parameter.in !== 'query') { return; }
                    var ref = parameter.schema.$ref;
                    var schema = ref ? spec.components.schemas[ref.split('/').pop()] : parameter.schema;
                    parameter.schema = Object.assign({}, schema, {example: undefined});
                    delete parameter.example;
                  });
                });
              });
              window.ui = SwaggerUIBundle({
                spec: spec,
                dom_id: '#swagger-ui',
                persistAuthorization: true,
                validatorUrl: null
              });
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
