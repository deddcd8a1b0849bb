import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs SQL statements against PrisonWatch's embedded H2 database, for the backup and restore scripts:
 * {@code java -cp <h2 jar> H2Sql.java "<statement>"...}. The URL, user and password come from the environment
 * (H2_URL, H2_USER, H2_PASSWORD), never from the command line, which every user of the host can read.
 * Opening the database fails while the service has it open: that is how the scripts know it is stopped.
 */
public class H2Sql {

    public static void main(String[] statements) {
        try (Connection connection = DriverManager.getConnection(System.getenv("H2_URL"), System.getenv("H2_USER"),
                System.getenv("H2_PASSWORD")); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            System.err.println(e.getMessage().lines().findFirst().orElse("") + " (SQL state " + e.getSQLState() + ")");
            System.exit(1);
        }
    }
}
