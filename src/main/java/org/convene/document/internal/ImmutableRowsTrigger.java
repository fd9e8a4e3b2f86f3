package org.convene.document.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * On H2 (the embedded default), what the PL/pgSQL triggers of migration V3_4 do on PostgreSQL: no
 * document version and no review or signature is changed or deleted; the one change taken is a
 * row's SHA-256 given while it has none, nothing else changed. H2 creates it by
 * its class name for each table it guards (so the name stays); the refusal is an
 * {@link SQLException} with SQL state 23000 and a message saying why.
 */
public class ImmutableRowsTrigger implements Trigger {

    private static final String VERSIONS = "CV_DOCUMENT_VERSION";
    private static final String SHA256 = "SHA256";

    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    /** H2 creates it by name: public, no arguments. */
    public ImmutableRowsTrigger() {
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        table = tableName.toUpperCase(Locale.ROOT);
        try (ResultSet rs = connection.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && onlyHashGiven(oldRow, newRow)) {
            return;
        }
        if (!table.equals(VERSIONS)) {
            throw new SQLException("Review " + value(oldRow, "ID") + " of document version " + value(oldRow, "DOCUMENT_VERSION_ID")
                    + " cannot change: reviews and signatures are kept as they were given", "23000");
        }
        String which = "Version " + value(oldRow, "VERSION") + " of document " + value(oldRow, "DOCUMENT_ID");
        throw new SQLException(signed(connection, value(oldRow, "ID"))
                ? which + " is signed and cannot change: a signed version stays as it was signed"
                : which + " cannot change: document versions are immutable (a change is a new version)", "23000");
    }

    /** Nothing changed but a SHA-256 the row did not have yet. */
    private boolean onlyHashGiven(Object[] oldRow, Object[] newRow) {
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            boolean hash = column.getKey().equals(SHA256);
            if (!(hash && oldRow[column.getValue()] == null) && !Objects.equals(oldRow[column.getValue()], newRow[column.getValue()])) {
                return false;
            }
        }
        return true;
    }

    private static boolean signed(Connection connection, Object versionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*) from cv_document_review where document_version_id = ? and kind = 'SIGN_OFF' and decision = 'approve'""")) {
            query.setObject(1, versionId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private Object value(Object[] row, String column) {
        return row[columns.get(column)];
    }
}
