package dev.vitrine.eventlog.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Checkpoints.Settings.class)
class AuditConfiguration {}
