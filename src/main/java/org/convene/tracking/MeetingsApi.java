package org.convene.tracking;

import java.util.Map;
import org.convene.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every meeting at a glance as JSON ({@link MeetingBoard.Row}, running first): {@code GET /api/meetings},
 * for managers and administrators (403 for others; 401 without a login), with HTTP Basic or in a
 * signed-in webapp session — Cockpit's Meetings dashboard (webjars/…/cockpit/scripts/meetings.js) reads it.
 */
@RestController
class MeetingsApi {

    private final SignedInUser caller;
    private final MeetingBoard board;

    MeetingsApi(SignedInUser caller, MeetingBoard board) {
        this.caller = caller;
        this.board = board;
    }

    @GetMapping("/api/meetings")
    ResponseEntity<?> meetings() {
        if (!caller.usesCockpit()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("message", "The meetings dashboard is open to managers and administrators only."));
        }
        return ResponseEntity.ok(Map.of("meetings", board.rows()));
    }
}
