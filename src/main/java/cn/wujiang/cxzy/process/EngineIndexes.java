package cn.wujiang.cxzy.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the engine's schema lacks for lookups it makes on every task.
 *
 * <p>When a task is completed or deleted the engine looks for its subtasks
 * ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}); the column has no index, so every
 * completion read the whole table of open tasks, which grows with the city. Created when the engine
 * has been built (its tables exist then), if not there yet; a node that finds another one creating
 * it at the same moment goes on without it and logs why.
 *
 * <p>On PostgreSQL also statistics on the permission bits of authorizations that Tasklist's task list
 * checks (READ on a task, READ_TASK on a definition) by resource type: without them PostgreSQL takes
 * {@code PERMS_ & 2 = 2} for one row in two hundred. They help the plans made for a statement's values;
 * the task list's join itself is kept on the index by {@code cn.wujiang.cxzy.config.PostgresPlanning}.
 */
final class EngineIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final String TASK_PARENT = "CXZY_IDX_TASK_PARENT";
  static final String AUTHORIZATION_PERMISSIONS = "CXZY_STAT_AUTH_PERMS";

  private EngineIndexes() {
  }

  static void create(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + TASK_PARENT + " on ACT_RU_TASK (PARENT_TASK_ID_)");
      if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        statement.execute("create statistics if not exists " + AUTHORIZATION_PERMISSIONS
            + " (mcv) on RESOURCE_TYPE_, (PERMS_ & 2), (PERMS_ & 64) from ACT_RU_AUTHORIZATION");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.warn("Indexes and statistics of the engine's tables not created: {}", e.getMessage());
    }
  }
}
