/**
 * What the meeting produces: summary conclusions with the participants' comment round,
 * recommendations, and the Common Framework with its operational toolbox
 * (bpmn/framework). Drafts and their versions are kept by the document module.
 */
package org.convene.framework;
