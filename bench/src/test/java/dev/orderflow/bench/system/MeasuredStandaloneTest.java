package dev.orderflow.bench.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class MeasuredStandaloneTest {

    /** The start of what jcmd's VM.native_memory summary prints on Java 17. */
    private static final String SUMMARY = """
            9031:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=7842510KB, committed=484726KB
                   malloc: 10118KB #61051
                   mmap:   reserved=7832392KB, committed=474608KB

            -                 Java Heap (reserved=6172672KB, committed=397312KB)
                                        (mmap: reserved=6172672KB, committed=397312KB)
             
            -                     Class (reserved=1048785KB, committed=1361KB)
                                        (classes #2498)
                                        (  Metadata:   )
                                        (    reserved=65536KB, committed=7936KB)
             
            -                    Thread (reserved=19506KB, committed=890KB)
                                        (thread #19)
                                        (stack: reserved=19456KB, committed=840KB)
             
            -                      Code (reserved=247868KB, committed=7728KB)
            """;

    @Test
    void theNativeMemorySummaryIsReadAsCommittedKibibytesByCategoryWithTheTotalFirst() {
        assertThat(MeasuredStandalone.committedKb(SUMMARY)).containsExactly(
                entry("Total", 484_726L), entry("Java Heap", 397_312L), entry("Class", 1_361L),
                entry("Thread", 890L), entry("Code", 7_728L));
    }

    @Test
    void whatJcmdAnswersWithoutTrackingGivesNoCategories() {
        assertThat(MeasuredStandalone.committedKb("9031:\nNative memory tracking is not enabled\n")).isEmpty();
    }
}
