package org.convene.document;

import java.util.Map;
import org.convene.identity.ConveneGroups;
import org.convene.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/documents/{id}/versions/{n}} (HTTP Basic): a program that tries to change a
 * submitted version is told why it cannot, 409 with the reason (a signed version names who signed
 * it); staff, managers and administrators only (others 403), an unknown version 404. A change is
 * the document's next version, submitted through its drafting task.
 */
@RestController
class DocumentVersionApi {

    private final SignedInUser caller;
    private final Documents documents;

    DocumentVersionApi(SignedInUser caller, Documents documents) {
        this.caller = caller;
        this.documents = documents;
    }

    @PutMapping("/api/documents/{documentId}/versions/{number}")
    ResponseEntity<Map<String, String>> change(@PathVariable long documentId, @PathVariable int number) {
        if (!caller.canEdit() && !caller.inGroup(ConveneGroups.MANAGERS)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("message", "Documents are changed by convener staff and managers only."));
        }
        return documents.version(documentId, number)
                .map(version -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", documents.whyUnchangeable(version))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("message", "Document " + documentId + " has no version " + number + ".")));
    }
}
