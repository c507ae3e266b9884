package dev.vitrine.command.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param urlValidity how long a presigned upload URL (and so the upload itself) stays valid
 */
@ConfigurationProperties("vitrine.uploads")
public record UploadProperties(@DefaultValue("15m") Duration urlValidity) {}
