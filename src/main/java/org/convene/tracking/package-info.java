/**
 * Following the meetings, for managers. Built so far: a meeting's audit trail
 * ({@link org.convene.tracking.AuditTrail}) — every decision that must be proven later, read
 * from the other modules' append-only tables through their public API and merged with the
 * engine's user operation log while Camunda's history still has it — shown at
 * {@code /meetings/{code}/audit}, downloaded as {@code /meetings/{code}/audit.csv} and served
 * as JSON at {@code GET /api/meetings/{code}/audit}, to managers and administrators only.
 * The progress read model, Cockpit dashboard and metrics are for later work. No other module
 * depends on this one.
 */
@ApplicationModule(allowedDependencies = {"workflow", "identity", "meeting"})
package org.convene.tracking;

import org.springframework.modulith.ApplicationModule;
