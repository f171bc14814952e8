package io.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.FluentApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeJsonTest {

    @Test
    void the_readme_shows_exactly_what_VigilJson_writes_for_the_fluent_example() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int anchor = readme.indexOf("The example above, as JSON");
        int start = readme.indexOf("```json\n", anchor) + "```json\n".length();
        int end = readme.indexOf("```", start);
        String shown = readme.substring(start, end);

        assertThat(anchor).isPositive();
        assertThat(shown).isEqualTo(VigilJson.writeConfiguration(FluentApiTest.readmeExample()));
        assertThat(VigilJson.readConfiguration(shown)).isEqualTo(FluentApiTest.readmeExample());
    }
}
