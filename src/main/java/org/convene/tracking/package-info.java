/** Progress of every meeting for managers (read model, Cockpit dashboard, metrics): built by later work. */
package org.convene.tracking;
