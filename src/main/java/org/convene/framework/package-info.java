/**
 * What the meeting produces: summary conclusions with the participants' comment round,
 * recommendations, and the Common Framework with its operational toolbox
 * (bpmn/framework). Drafts and their versions are kept by the document module, whose task
 * listeners and sign-off (SignOffProcess) the framework's BPMN uses; the framework announces
 * {@code CommentRoundOpened}.
 *
 * <p>The summary conclusions start from the working groups' findings (the report module's
 * {@link org.convene.report.MeetingFindings}); the comment round mails every participant who accepted
 * (the invitation module's {@link org.convene.invitation.Participants}, the mail module's
 * {@link org.convene.mail.Outbox}) a signed link (the identity module's {@link org.convene.identity.SignedLinks})
 * to a comment page open until the end of a day in the venue's calendar (the meeting module's
 * {@link org.convene.meeting.Meetings}).
 *
 * <p>Recommendations are records ({@link org.convene.framework.Recommendations}, bean
 * {@code recommendations}): each cites the findings of the report module it rests on and serves an
 * objective of the meeting module's concept note ({@link org.convene.framework.RecommendationObjectives});
 * page {@code /meetings/{code}/recommendations}, API {@code /api/meetings/{code}/recommendations}.
 * The Common Framework is records too ({@link org.convene.framework.CommonFramework}, bean
 * {@code commonFramework}): understandings and toolbox elements, each resting on recommendations;
 * page {@code /meetings/{code}/framework}, API {@code /api/meetings/{code}/framework}, files
 * {@code /meetings/{code}/framework.pdf} and {@code .docx} with the traceability annex
 * ({@link org.convene.framework.CommonFrameworkPrints}); publishing mails them to the participants
 * who accepted, through the mail module's outbox ({@link org.convene.framework.CommonFrameworkPublication}).
 */
@ApplicationModule(allowedDependencies = {"document", "document :: events", "workflow", "meeting", "invitation", "report",
        "identity", "mail"})
package org.convene.framework;

import org.springframework.modulith.ApplicationModule;
