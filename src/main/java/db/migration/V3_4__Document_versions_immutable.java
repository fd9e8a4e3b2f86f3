package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Document module: the database itself refuses to change a document version's content or to
 * delete a version, and to change or delete a review or signature (both tables are append-only;
 * a signed version above all must stay what was signed). A trigger on each table, written for the
 * database at hand: PL/pgSQL on PostgreSQL; on H2 (the embedded default) a Java trigger,
 * {@code org.convene.document.internal.ImmutableRowsTrigger}. The one change either table still
 * takes is a row's SHA-256 given while it has none (as V3_3 does for rows written before V3_2),
 * nothing else changed. A later migration that must correct such rows drops the trigger and
 * creates it again.
 */
public class V3_4__Document_versions_immutable extends BaseJavaMigration {

    static final String H2_TRIGGER = "org.convene.document.internal.ImmutableRowsTrigger";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String database = connection.getMetaData().getDatabaseProductName();
        try (Statement statement = connection.createStatement()) {
            switch (database) {
                case "PostgreSQL" -> {
                    statement.execute(POSTGRES_VERSION_FUNCTION);
                    statement.execute("""
                            create trigger cv_document_version_immutable before update or delete on cv_document_version
                            for each row execute function cv_document_version_immutable()""");
                    statement.execute(POSTGRES_REVIEW_FUNCTION);
                    statement.execute("""
                            create trigger cv_document_review_append_only before update or delete on cv_document_review
                            for each row execute function cv_document_review_append_only()""");
                }
                case "H2" -> {
                    statement.execute("create trigger cv_document_version_immutable before update, delete on cv_document_version "
                            + "for each row call '" + H2_TRIGGER + "'");
                    statement.execute("create trigger cv_document_review_append_only before update, delete on cv_document_review "
                            + "for each row call '" + H2_TRIGGER + "'");
                }
                default -> throw new IllegalStateException("Convene runs on PostgreSQL or H2, not on " + database);
            }
        }
    }

    private static final String POSTGRES_VERSION_FUNCTION = """
            create or replace function cv_document_version_immutable() returns trigger language plpgsql as $$
            declare
                signed boolean;
            begin
                if tg_op = 'UPDATE' and to_jsonb(new) - 'sha256' = to_jsonb(old) - 'sha256'
                        and (old.sha256 is null or new.sha256 = old.sha256) then
                    return new;
                end if;
                select exists (select 1 from cv_document_review r where r.document_version_id = old.id
                               and r.kind = 'SIGN_OFF' and r.decision = 'approve') into signed;
                if signed then
                    raise exception 'Version % of document % is signed and cannot change: a signed version stays as it was signed',
                        old.version, old.document_id using errcode = '23000';
                end if;
                raise exception 'Version % of document % cannot change: document versions are immutable (a change is a new version)',
                    old.version, old.document_id using errcode = '23000';
            end $$""";

    private static final String POSTGRES_REVIEW_FUNCTION = """
            create or replace function cv_document_review_append_only() returns trigger language plpgsql as $$
            begin
                if tg_op = 'UPDATE' and to_jsonb(new) - 'sha256' = to_jsonb(old) - 'sha256'
                        and (old.sha256 is null or new.sha256 = old.sha256) then
                    return new;
                end if;
                raise exception 'Review % of document version % cannot change: reviews and signatures are kept as they were given',
                    old.id, old.document_version_id using errcode = '23000';
            end $$""";
}
