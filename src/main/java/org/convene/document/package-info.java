/**
 * Documents and their immutable versions (background paper, working-group reports, day
 * summaries, summary conclusions, recommendations, the Common Framework), their reviews and
 * the reusable sign-off (bpmn/document/SignOffProcess.bpmn) with its record of who signed
 * which version when.
 *
 * <p>Public API (plain values, never the engine's delegate objects): {@link org.convene.document.Documents},
 * {@link org.convene.document.SignOff} (who was asked, the signatures with the SHA-256 of what they
 * signed) and {@link org.convene.document.SignOffEscalation} (due date, reminder mails through the
 * mail module's outbox, the managers' resolution of an overdue sign-off), the variable names of every module's
 * drafting and review tasks ({@link org.convene.document.DocumentVariables}), the sign-off's ids
 * ({@link org.convene.document.SignOffProcess}), the one Markdown rendering of every page, form and
 * export ({@link org.convene.document.MarkdownRendering}, bean {@code markdown}), the PDF and DOCX
 * engine ({@link org.convene.document.DocumentExports} of a
 * {@link org.convene.document.PrintedDocument}), and the events it announces
 * ({@code DocumentVersionSubmitted}, {@code DocumentApproved}, {@code DocumentReturned},
 * {@code DocumentSigned}, {@code DocumentSignOffRejected}, {@code DocumentSignOffCompleted},
 * {@code SignOffDueDateExtended}, {@code SignOffReviewerReplaced},
 * {@code DocumentCommissioned}, {@code DocumentCirculated}, {@code DocumentPublished}). Any
 * module's BPMN wires the task listeners {@code ${documentDraftSaved}}, {@code ${documentReviewed}},
 * {@code ${documentCommissioned}} and {@code ${documentCirculated}}, naming the document with the
 * task's input parameters {@code documentKind} and {@code documentPart}.
 */
@ApplicationModule(allowedDependencies = {"identity", "workflow", "mail"})
package org.convene.document;

import org.springframework.modulith.ApplicationModule;
