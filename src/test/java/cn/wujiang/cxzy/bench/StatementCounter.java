package cn.wujiang.cxzy.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Counts the SQL statements the application sends, by kind and table ("INSERT ACT_RU_JOB"): every
 * execution and every batched row; and the commits of its transactions, all of them and those that
 * changed something. Wraps the application's data source in the benchmark only.
 */
final class StatementCounter {

  private static final Pattern TABLE = Pattern.compile(
      "^\\s*(select|insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\b(?:.*?\\bfrom\\s+)?\\s*([A-Za-z_][\\w.]*)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** The kind under which the commits of transactions are counted. */
  static final String COMMIT = "COMMIT";
  /** The commits of transactions that changed something (sent a statement other than a select). */
  static final String WRITING_COMMIT = "COMMIT WRITING";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (self, method, args) -> {
      Object result = method.invoke(target, args);
      return result instanceof Connection c ? connection(c) : result;
    });
  }

  /** The counts so far, by kind, sorted. */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  private Connection connection(Connection target) {
    boolean[] wrote = {false};
    return proxy(Connection.class, target, (connection, method, args) -> {
      if (method.getName().equals("commit")) {
        counts.computeIfAbsent(COMMIT, k -> new LongAdder()).increment();
        if (wrote[0]) {
          counts.computeIfAbsent(WRITING_COMMIT, k -> new LongAdder()).increment();
        }
      }
      if (method.getName().equals("commit") || method.getName().equals("rollback")) {
        wrote[0] = false;
      }
      Object result = method.invoke(target, args);
      if (result instanceof PreparedStatement p && args != null && args[0] instanceof String sql) {
        return statement(PreparedStatement.class, p, sql, connection, wrote);
      }
      if (result instanceof Statement s && !(result instanceof PreparedStatement)) {
        return statement(Statement.class, s, null, connection, wrote);
      }
      return result;
    });
  }

  /**
   * A statement that counts what it executes. Its result sets and {@code getConnection} answer the
   * wrappers, as Hibernate expects: it finds a result set's statement in its registry by
   * {@code ResultSet.getStatement()}, and given the statement underneath it would release that one
   * again after the wrapper (H2 then traces "The object is already closed" for each).
   */
  private <T extends Statement> T statement(Class<T> type, T target, String preparedSql, Object connection,
      boolean[] wrote) {
    return proxy(type, target, (statement, method, args) -> {
      String name = method.getName();
      if (name.equals("getConnection")) {
        return connection;
      }
      if (name.startsWith("execute") && !name.equals("executeBatch") || name.equals("addBatch")) {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
        if (sql != null) {
          String key = key(sql);
          counts.computeIfAbsent(key, k -> new LongAdder()).increment();
          wrote[0] |= !key.startsWith("SELECT");
        }
      }
      Object result = method.invoke(target, args);
      return result instanceof ResultSet r ? resultSet(r, statement) : result;
    });
  }

  private static ResultSet resultSet(ResultSet target, Object statement) {
    return proxy(ResultSet.class, target,
        (self, method, args) -> method.getName().equals("getStatement") ? statement : method.invoke(target, args));
  }

  private String key(String sql) {
    return keys.computeIfAbsent(sql, s -> {
      Matcher m = TABLE.matcher(s);
      if (!m.find()) {
        return "OTHER";
      }
      String verb = m.group(1).toUpperCase(Locale.ROOT).split("\\s+")[0];
      return verb + " " + m.group(2).toUpperCase(Locale.ROOT);
    });
  }

  private interface Call {
    Object invoke(Object proxy, Method method, Object[] args) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Call call) {
    InvocationHandler handler = (p, method, args) -> {
      try {
        switch (method.getName()) {
          case "equals":
            return p == args[0];
          case "hashCode":
            return System.identityHashCode(p);
          case "unwrap", "isWrapperFor":
            return method.invoke(target, args);
          default:
            break;
        }
        return call.invoke(p, method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
