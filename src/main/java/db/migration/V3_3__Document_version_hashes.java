package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Document module: the SHA-256 of every version written before V3_2 (hex, of the body's UTF-8
 * bytes, as {@code org.convene.document.DocumentStore} writes it for new versions), and of the
 * content each earlier signature signed (its version's). In Java because PostgreSQL
 * ({@code sha256(convert_to(body, 'UTF8'))}) and H2 ({@code HASH('SHA-256', ...)}) spell it
 * differently; the result is the same on both.
 */
public class V3_3__Document_version_hashes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, body from cv_document_version where sha256 is null");
             PreparedStatement update = connection.prepareStatement(
                     "update cv_document_version set sha256 = ? where id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setString(1, sha256(rows.getString("body")));
                update.setLong(2, rows.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement signatures = connection.prepareStatement("""
                update cv_document_review set sha256 = (select v.sha256 from cv_document_version v
                                                        where v.id = cv_document_review.document_version_id)
                where kind = 'SIGN_OFF' and decision = 'approve' and sha256 is null""")) {
            signatures.executeUpdate();
        }
    }

    /** The hex SHA-256 of the text's UTF-8 bytes (64 lower-case hex digits). */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
