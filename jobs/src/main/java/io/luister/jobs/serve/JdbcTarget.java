package io.luister.jobs.serve;

import io.luister.common.config.ConfigException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where to publish: a PostgreSQL JDBC URL, an optional user, and a password taken from the environment
 * (LUISTER_PG_PASSWORD, else PGPASSWORD) unless the URL carries one. The password is never printed:
 * {@link #redacted()} is what logs and messages show.
 */
public record JdbcTarget(String url, String user, String password) {
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");

  public JdbcTarget {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw ConfigException.option("--jdbc must be a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://db.example.com:5432/insights (got " + (url == null ? "nothing" : redact(url)) + ")");
    }
  }

  public static JdbcTarget of(String url, String user, Map<String, String> env) {
    String password = env.get("LUISTER_PG_PASSWORD");
    if (password == null && url != null && !PASSWORD_PARAM.matcher(url).find()) {
      password = env.get("PGPASSWORD");
    }
    return new JdbcTarget(url, user, password);
  }

  public String redacted() {
    return redact(url);
  }

  static String redact(String url) {
    return PASSWORD_PARAM.matcher(url).replaceAll("$1***");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, properties());
  }

  /** The connection properties (user, password, driver) for JDBC and for Spark's JDBC source. */
  public Properties properties() {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "luister");
    props.setProperty("driver", "org.postgresql.Driver");
    return props;
  }

  /** The names of the tables (not views) in {@code schema}. */
  public List<String> tables(String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = connect(); ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    names.sort(String::compareTo);
    return names;
  }

  @Override
  public String toString() {
    return "JdbcTarget[" + redacted() + (user != null ? ", user " + user : "") + "]";
  }
}
