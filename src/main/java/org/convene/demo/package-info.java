/**
 * Demo data of the embedded default: the Amman expert meeting of the seed, moved into the
 * future, and two more meetings moved on by their demo users (through every phase's tasks, named
 * by each process's constants). Uses the other modules' public API only; nothing depends on it.
 */
@ApplicationModule(allowedDependencies = {"meeting", "invitation", "invitation :: events", "document", "framework", "mail", "report",
        "identity", "workflow"})
package org.convene.demo;

import org.springframework.modulith.ApplicationModule;
