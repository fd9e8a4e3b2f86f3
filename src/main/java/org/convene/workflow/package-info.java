/**
 * Engine plumbing shared by every module: the engine plugin that checks what a user submits
 * with a task against the task's Camunda Form (Tasklist validates only in the browser), and
 * small helpers for listeners and delegates. Holds no business data.
 */
@ApplicationModule(allowedDependencies = {})
package org.convene.workflow;

import org.springframework.modulith.ApplicationModule;
