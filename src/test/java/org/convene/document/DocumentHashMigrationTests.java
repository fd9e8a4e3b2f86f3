package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V3_3__Document_version_hashes;
import java.sql.Connection;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V3_3 gives the versions and signatures written before V3_2 their SHA-256, computed in Java, the
 * same hash as PostgreSQL's own {@code sha256(convert_to(body, 'UTF8'))}.
 */
@ConveneIntegrationTest
class DocumentHashMigrationTests {

    static final String BODY = "## Contexte\n\nLa réunion d'experts à Amman — اجتماع الخبراء في عمّان.";

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldHaveRunTheJavaMigrationAtStart() {
        assertThat(jdbc.sql("select type from cv_schema_history where version = '3.3' and success").query(String.class).single())
                .isEqualTo("JDBC");
    }

    @Test
    void shouldHashTheVersionsAndSignaturesWrittenBeforeTheHashesAsPostgreSqlDoes() throws Exception {
        String code = TestMeetings.newCode("HASH");
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into cv_document (meeting_code, kind, part, title, created_at) values (?, 'BACKGROUND_PAPER', '', 'Background paper', ?)")
                .params(code, now).update();
        long documentId = jdbc.sql("select id from cv_document where meeting_code = ?").param(code).query(Long.class).single();
        jdbc.sql("insert into cv_document_version (document_id, version, body, author, created_at) values (?, 1, ?, 'lena', ?)")
                .params(documentId, BODY, now).update();
        long versionId = jdbc.sql("select id from cv_document_version where document_id = ?").param(documentId)
                .query(Long.class).single();
        jdbc.sql("""
                insert into cv_document_review (document_version_id, kind, decision, task_id, reviewer, reviewed_at)
                values (?, 'SIGN_OFF', 'approve', ?, 'ravi', ?)""").params(versionId, code + "-task", now).update();

        try (Connection connection = dataSource.getConnection()) {
            new V3_3__Document_version_hashes().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        String postgres = jdbc.sql("select encode(sha256(convert_to(body, 'UTF8')), 'hex') from cv_document_version where id = ?")
                .param(versionId).query(String.class).single();
        assertThat(jdbc.sql("select sha256 from cv_document_version where id = ?").param(versionId).query(String.class).single())
                .hasSize(64).isEqualTo(postgres);
        assertThat(jdbc.sql("select sha256 from cv_document_review where document_version_id = ?").param(versionId)
                .query(String.class).single()).isEqualTo(postgres);
    }
}
