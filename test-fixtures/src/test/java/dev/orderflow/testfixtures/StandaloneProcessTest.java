package dev.orderflow.testfixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneProcessTest {

    @TempDir
    Path target;

    @Test
    void findsThePackagedJarAndNotItsOriginalOrSources() throws IOException {
        Files.createFile(target.resolve("standalone-0.1.0-SNAPSHOT.jar.original"));
        Files.createFile(target.resolve("standalone-0.1.0-SNAPSHOT-sources.jar"));
        Path jar = Files.createFile(target.resolve("standalone-0.1.0-SNAPSHOT.jar"));

        assertThat(StandaloneProcess.packagedJar(target)).isEqualTo(jar);
    }

    @Test
    void saysHowToBuildTheJarWhenItIsMissing() {
        assertThatThrownBy(() -> StandaloneProcess.packagedJar(target))
                .hasMessageContaining("run the package phase first");
        assertThatThrownBy(() -> StandaloneProcess.of(target.resolve("standalone.jar")).start())
                .hasMessageContaining("missing").hasMessageContaining("run the package phase first");
    }

    @Test
    void refusesAMainClassWithoutTheClassesItComesFrom() throws IOException {
        Path jar = Files.createFile(target.resolve("standalone-0.1.0.jar"));

        assertThatThrownBy(() -> StandaloneProcess.of(jar).mainClass("dev.example.Other").start())
                .hasMessageContaining("class path addition");
    }

    @Test
    void reportsAProcessThatExitsBeforeItIsReady() throws IOException {
        Path notAJar = Files.writeString(target.resolve("standalone-0.1.0.jar"), "not a jar");

        try (StandaloneProcess process = StandaloneProcess.of(notAJar).log(target.resolve("out.log")).start()) {
            assertThatThrownBy(() -> process.awaitReady(java.time.Duration.ofMinutes(1)))
                    .hasMessageContaining("exited with").hasMessageContaining("out.log");
        }
    }
}
