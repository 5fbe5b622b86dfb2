package com.onautomate.opportunities.mockserver.admin;

import com.onautomate.opportunities.mockserver.RecordedRequest;
import com.onautomate.opportunities.mockserver.web.RequestJournal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mock server's own endpoints, outside the contract, under {@code /__admin/} (a prefix no path
 * of the contract can take), described by {@code /__admin/openapi.yaml}. Who may call them:
 * {@link AdminAccess}.
 */
@RestController
class AdminController {

  private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  /** The journal's answer: the requests, how many were recorded in all, and how many it keeps. */
  record Journal(List<RecordedRequest> requests, long recorded, int kept) {
  }

  private final ResetGate gate;
  private final RequestJournal journal;

  AdminController(ResetGate gate, RequestJournal journal) {
    this.gate = gate;
    this.journal = journal;
  }

  @GetMapping("/__admin/openapi.yaml")
  ResponseEntity<Resource> openApi() {
    return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("admin-openapi.yaml"));
  }

  @PostMapping("/__admin/reset")
  Map<String, String> reset() {
    gate.reset();
    return Map.of("msg", "Reset");
  }

  @GetMapping("/__admin/requests")
  ResponseEntity<?> requests(@RequestParam(required = false) String method, @RequestParam(required = false) String path,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) String limit) {
    Integer wantedStatus;
    int max;
    try {
      wantedStatus = status == null ? null : Integer.valueOf(status);
      max = limit == null ? 100 : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      return ResponseEntity.badRequest().body(Map.of("msg", "status and limit are whole numbers"));
    }
    if (max < 1) {
      return ResponseEntity.badRequest().body(Map.of("msg", "limit is at least 1"));
    }
    return ResponseEntity.ok(new Journal(journal.requests(RequestJournal.matching(method, path, wantedStatus), max),
        journal.recorded(), journal.size()));
  }

  @DeleteMapping("/__admin/requests")
  ResponseEntity<Void> clearRequests() {
    journal.clear();
    return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
  }
}
