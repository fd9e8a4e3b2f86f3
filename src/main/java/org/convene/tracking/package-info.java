/**
 * Following the meetings, for managers. Built so far: tracking's own append-only record of what
 * happened to each meeting ({@link org.convene.tracking.AuditRecord}), written from the modules'
 * events ({@link org.convene.workflow.MeetingEvent}, delivered through Spring Modulith's event
 * publication registry, so an event whose recording failed is handed out again), and a meeting's
 * audit trail ({@link org.convene.tracking.AuditTrail}) — every decision that must be proven
 * later, read from that record and merged with the engine's user operation log while Camunda's
 * history still has it — shown at
 * {@code /meetings/{code}/audit}, downloaded as {@code /meetings/{code}/audit.csv} and served
 * as JSON at {@code GET /api/meetings/{code}/audit}, to managers and administrators only.
 * The managers' read model of every meeting ({@link org.convene.tracking.MeetingProgress}: phase,
 * state, invitations and their replies, drafts in review), kept from the same events, feeds the
 * Meetings dashboard ({@link org.convene.tracking.MeetingBoard}) at {@code GET /api/meetings} and
 * in Cockpit (the plugin {@code webjars/camunda/app/cockpit/scripts/meetings.js}). No other module
 * depends on this one.
 */
@ApplicationModule(allowedDependencies = {"workflow", "identity", "meeting", "meeting :: events", "invitation :: events",
        "document", "document :: events", "framework :: events", "mail :: events"})
package org.convene.tracking;

import org.springframework.modulith.ApplicationModule;
