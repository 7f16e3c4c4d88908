package cn.wujiang.cxzy.config;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes the engine's REST API and our own API to anyone without a login (HTTP Basic against Camunda's
 * identity). The public pages under /board and /evaluate stay open; the webapps have their own login.
 */
@Configuration
class SecurityConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-authentication", "/engine-rest/*");
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    return basicAuthentication("api-authentication", "/api/*");
  }

  /** The campaign's progress page and its export: for the city office and the leading bodies. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> progressAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        basicAuthentication("progress-authentication", "/progress");
    registration.addUrlPatterns("/progress.xlsx");
    return registration;
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String name,
      String pattern) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(pattern);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(1);
    return registration;
  }
}
