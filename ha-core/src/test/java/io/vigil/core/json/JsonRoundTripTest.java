package io.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Cib;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

    @Test
    void a_configuration_using_every_feature_reads_back_equal() {
        Configuration config = Examples.everyFeature();
        String json = VigilJson.writeConfiguration(config);
        Configuration read = VigilJson.readConfiguration(json);
        assertThat(read).isEqualTo(config);
        assertThat(VigilJson.writeConfiguration(read)).isEqualTo(json);
    }

    @Test
    void a_status_reads_back_equal() {
        ClusterStatus status = Examples.status();
        String json = VigilJson.writeStatus(status);
        assertThat(VigilJson.readStatus(json)).isEqualTo(status);
    }

    @Test
    void a_cib_reads_back_equal() {
        Cib cib = Examples.cib();
        String json = VigilJson.writeCib(cib);
        assertThat(VigilJson.readCib(json)).isEqualTo(cib);
    }
}
