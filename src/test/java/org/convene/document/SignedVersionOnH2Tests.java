package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's database (H2) refuses, as PostgreSQL does, to change a version's content
 * or delete it, and to change or delete a signature: the app's migrations run on an in-memory H2
 * (V3_4 creates the Java trigger there), then raw JDBC tries.
 */
class SignedVersionOnH2Tests {

    Connection connection;
    Statement sql;

    @BeforeEach
    void migrateAnH2Database() throws SQLException {
        String url = "jdbc:h2:mem:signed-version;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").table("cv_schema_history").outOfOrder(true).load().migrate();
        connection = DriverManager.getConnection(url, "sa", "");
        sql = connection.createStatement();
        sql.execute("insert into cv_document (id, meeting_code, kind, part, title, created_at) "
                + "values (1, 'EM-H2', 'BACKGROUND_PAPER', '', 'Background paper', current_timestamp)");
        sql.execute("insert into cv_document_version (id, document_id, version, body, sha256, author, created_at) "
                + "values (1, 1, 1, 'Signed text', 'aa', 'lena', current_timestamp)");
        sql.execute("insert into cv_document_version (id, document_id, version, body, author, created_at) "
                + "values (2, 1, 2, 'Draft text', 'lena', current_timestamp)");
        sql.execute("insert into cv_document_review (id, document_version_id, kind, decision, task_id, reviewer, sha256, reviewed_at) "
                + "values (1, 1, 'SIGN_OFF', 'approve', 't1', 'ravi', 'aa', current_timestamp)");
    }

    @AfterEach
    void dropIt() throws SQLException {
        sql.execute("drop all objects");
        connection.close();
    }

    @Test
    void shouldRefuseToChangeOrDeleteASignedVersion() throws SQLException {
        assertThatThrownBy(() -> sql.executeUpdate("update cv_document_version set body = 'Changed' where id = 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("Version 1 of document 1 is signed and cannot change");
        assertThatThrownBy(() -> sql.executeUpdate("delete from cv_document_version where id = 1"))
                .hasMessageContaining("is signed and cannot change");
        assertThatThrownBy(() -> sql.executeUpdate("update cv_document_version set sha256 = 'bb' where id = 1"))
                .hasMessageContaining("is signed and cannot change");
        assertThat(body(1)).isEqualTo("Signed text");
    }

    @Test
    void shouldRefuseToChangeAnUnsignedVersionButLetItBeHashedOnce() throws SQLException {
        assertThatThrownBy(() -> sql.executeUpdate("update cv_document_version set body = 'Changed' where id = 2"))
                .hasMessageContaining("Version 2 of document 1 cannot change: document versions are immutable");
        assertThat(sql.executeUpdate("update cv_document_version set sha256 = 'cc' where id = 2")).isEqualTo(1);
        assertThat(body(2)).isEqualTo("Draft text");
    }

    @Test
    void shouldRefuseToChangeOrDeleteASignatureButLetARejectionBeHashedOnce() throws SQLException {
        sql.execute("insert into cv_document_review (id, document_version_id, kind, decision, comments, task_id, reviewer, reviewed_at) "
                + "values (2, 2, 'SIGN_OFF', 'reject', 'Too long.', 't2', 'kenji', current_timestamp)");
        assertThat(sql.executeUpdate("update cv_document_review set sha256 = 'dd' where id = 2")).isEqualTo(1);
        assertThatThrownBy(() -> sql.executeUpdate("update cv_document_review set sha256 = 'ee' where id = 2"))
                .hasMessageContaining("Review 2 of document version 2 cannot change");
        assertThatThrownBy(() -> sql.executeUpdate("update cv_document_review set reviewer = 'kenji' where id = 1"))
                .hasMessageContaining("Review 1 of document version 1 cannot change");
        assertThatThrownBy(() -> sql.executeUpdate("delete from cv_document_review where id = 1"))
                .hasMessageContaining("cannot change");
    }

    private String body(long id) throws SQLException {
        try (var rs = sql.executeQuery("select body from cv_document_version where id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
