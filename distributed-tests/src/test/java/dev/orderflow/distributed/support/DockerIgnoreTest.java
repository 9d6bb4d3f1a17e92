package dev.orderflow.distributed.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DockerIgnoreTest {

    private final DockerIgnore ignored = DockerIgnore.parse(List.of(
            "# build output",
            "**/target",
            ".git",
            "*.iml",
            "docs/*.png",
            "!docs/keep.png",
            "bench/results/"));

    @Test
    void aDoubleStarMatchesAtAnyDepthAndExcludesWhatIsBeneath() {
        assertThat(ignored.excludes("target")).isTrue();
        assertThat(ignored.excludes("command-side/target")).isTrue();
        assertThat(ignored.excludes("command-side/target/classes/App.class")).isTrue();
        assertThat(ignored.excludes("command-side/src/main/java/target.txt")).isFalse();
    }

    @Test
    void aSingleStarStaysInOneDirectory() {
        assertThat(ignored.excludes("orderflow.iml")).isTrue();
        assertThat(ignored.excludes("command-side/command-side.iml")).isFalse();
        assertThat(ignored.excludes("docs/picture.png")).isTrue();
        assertThat(ignored.excludes("docs/images/picture.png")).isFalse();
    }

    @Test
    void anExceptionTakesAnExclusionBackAndTheLastMatchDecides() {
        assertThat(ignored.excludes("docs/keep.png")).isFalse();
        assertThat(ignored.hasExceptions()).isTrue();
    }

    @Test
    void slashesAroundAPatternOrAPathDoNotMatter() {
        assertThat(ignored.excludes("bench/results/console.txt")).isTrue();
        assertThat(ignored.excludes("./.git")).isTrue();
        assertThat(ignored.excludes("bench/pom.xml")).isFalse();
    }

    @Test
    void withoutAFileNothingIsExcluded() {
        assertThat(DockerIgnore.parse(List.of()).excludes("command-side/target")).isFalse();
    }
}
