package dev.vitrine.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTest {

    @Test
    void json_asks_spring_boot_for_one_ecs_object_per_line_and_text_leaves_the_lines_alone() {
        MockEnvironment json = new MockEnvironment().withProperty(LogFormat.PROPERTY, "JSON");
        new LogFormat().postProcessEnvironment(json, null);
        assertThat(json.getProperty(LogFormat.STRUCTURED)).isEqualTo("ecs");

        MockEnvironment unset = new MockEnvironment();
        new LogFormat().postProcessEnvironment(unset, null);
        assertThat(unset.getProperty(LogFormat.STRUCTURED)).isNull();
    }

    @Test
    void any_other_format_stops_the_start_with_what_may_be_said() {
        MockEnvironment xml = new MockEnvironment().withProperty(LogFormat.PROPERTY, "xml");
        assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(xml, null))
                .hasMessageContaining("text or json");
    }
}
