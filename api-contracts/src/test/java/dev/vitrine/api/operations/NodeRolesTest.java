package dev.vitrine.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeRolesTest {

    @Test
    void a_node_without_the_setting_does_everything() {
        NodeRoles all = NodeRoles.parse(null);
        assertThat(all.servesApi()).isTrue();
        assertThat(all.works()).isTrue();
        assertThat(all.projects()).isTrue();
        assertThat(NodeRoles.parse(" ").describe()).isEqualTo("api, worker, projector");
    }

    @Test
    void the_roles_named_and_no_others() {
        NodeRoles split = NodeRoles.parse(" Projector, api ,");
        assertThat(split.servesApi()).isTrue();
        assertThat(split.projects()).isTrue();
        assertThat(split.works()).isFalse();
        assertThat(split.describe()).isEqualTo("api, projector");
        assertThat(NodeRoles.parse("worker").describe()).isEqualTo("worker");
    }

    @Test
    void an_unknown_role_or_none_stops_the_node_with_what_may_be_said() {
        assertThatThrownBy(() -> NodeRoles.parse("api,reader"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"reader\"");
        assertThatThrownBy(() -> NodeRoles.parse(",,")).hasMessageContaining("at least one role");
    }
}
