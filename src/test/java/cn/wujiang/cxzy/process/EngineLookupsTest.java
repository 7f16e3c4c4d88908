package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * The lookups the engine makes for every task: the groups of a person go into authorization checks
 * as they are (no scan of every group with an authorization), the subtasks of a task are found
 * through an index, and on PostgreSQL a committee's task list is planned from statistics on permissions.
 */
@DemoCityTest
class EngineLookupsTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void aPersonsFewGroupsAreCheckedAsTheyAreManyAreFilteredAsTheEngineDoes() {
    // sl-zx has authorizations (the demo's school in Songling); the second group has none.
    List<String> few = List.of("sl-zx", "no-such-group", "sl-zx");
    assertThat(inCommand(few)).containsExactly("sl-zx", "no-such-group");

    List<String> many = new ArrayList<>(List.of("sl-zx"));
    IntStream.range(0, AuthorizedGroups.FILTER_ABOVE).forEach(i -> many.add("no-such-group-" + i));
    assertThat(inCommand(many)).containsExactly("sl-zx");
  }

  @Test
  void subtasksAreFoundThroughAnIndex() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      List<String> indexes = new ArrayList<>();
      for (String table : List.of("ACT_RU_TASK", "act_ru_task")) {
        try (ResultSet rs = metaData.getIndexInfo(null, null, table, false, false)) {
          while (rs.next()) {
            if (rs.getString("INDEX_NAME") != null) {
              indexes.add(rs.getString("INDEX_NAME").toUpperCase() + " " + rs.getString("COLUMN_NAME").toUpperCase());
            }
          }
        }
      }
      assertThat(indexes).contains(EngineIndexes.TASK_PARENT + " PARENT_TASK_ID_");
    }
  }

  @Test
  void onPostgresqlATaskListIsPlannedThroughTheIndexOfAuthorizations() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL only");
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      assertThat(jdbc.queryForObject("show enable_material", String.class)).isEqualTo("off");
      assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
          EngineIndexes.AUTHORIZATION_PERMISSIONS.toLowerCase())).isOne();
    }
  }

  private List<String> inCommand(List<String> groups) {
    Command<List<String>> filter = context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups);
    return ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired().execute(filter);
  }
}
