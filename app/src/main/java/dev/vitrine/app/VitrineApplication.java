package dev.vitrine.app;

import dev.vitrine.app.admin.AuditCommand;
import dev.vitrine.app.admin.ReadModelCommand;
import dev.vitrine.app.seed.SeedCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Vitrine: the event-sourced image gallery service, assembled from its command side, query side and processing. */
@SpringBootApplication(scanBasePackages = "dev.vitrine")
@ConfigurationPropertiesScan("dev.vitrine")
public class VitrineApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("seed")) {
            SeedCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("audit")) {
            AuditCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("read-model")) {
            ReadModelCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(VitrineApplication.class, args);
    }
}
