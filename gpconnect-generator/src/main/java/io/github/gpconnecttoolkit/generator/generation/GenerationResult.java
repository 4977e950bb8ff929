package io.github.gpconnecttoolkit.generator.generation;

/**
 * What a generation did, for the one INFO line the build prints.
 *
 * @param upToDate whether nothing was regenerated because no input changed
 * @param reason why it regenerated (or why not)
 * @param interactions the number of interactions in the client
 * @param written files written because they were new or changed
 * @param unchanged files regenerated with identical content, left untouched
 * @param deleted files of an earlier run that are no longer generated, removed
 */
public record GenerationResult(boolean upToDate, String reason, int interactions, int written, int unchanged,
        int deleted) {

    /** The summary line. */
    public String summary() {
        if (upToDate) {
            return "GP Connect client up to date (" + interactions + " interactions): " + reason;
        }
        return "GP Connect client generated (" + interactions + " interactions): " + written + " written, "
                + unchanged + " unchanged, " + deleted + " deleted, because " + reason;
    }
}
