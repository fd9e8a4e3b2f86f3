/**
 * Demo data of the embedded default: the Amman expert meeting of the seed, moved into the
 * future. Uses the other modules' public API only; nothing depends on it.
 */
@ApplicationModule(allowedDependencies = {"meeting", "invitation", "invitation :: events", "workflow"})
package org.convene.demo;

import org.springframework.modulith.ApplicationModule;
