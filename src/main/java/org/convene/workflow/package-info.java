/**
 * Engine plumbing shared by every module: the engine plugin that checks what a user submits
 * with a task, or starts a process with, against its Camunda Form (Tasklist validates only in
 * the browser); the answers of the REST API, Tasklist's API and the pages to bad input (a 4xx
 * with a message, never a 5xx); and small helpers for listeners and delegates. Holds no
 * business data.
 */
@ApplicationModule(allowedDependencies = {})
package org.convene.workflow;

import org.springframework.modulith.ApplicationModule;
