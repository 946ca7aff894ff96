package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a command will write, checked before it does any work: a run that trains for an hour
 * must not end on "directory does not exist", nor write its model over its training data.
 */
final class Outputs {
    private final List<Path> inputs = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    /** Files the command reads (null: not given). */
    Outputs reads(Path... files) {
        for (Path f : files) if (f != null) inputs.add(f);
        return this;
    }

    /** A file the command writes for {@code option} (null: not asked for). */
    Outputs writes(String option, Path file) {
        if (file != null) {
            options.add(option);
            files.add(file);
        }
        return this;
    }

    /** A picture the command writes for {@code option} (null: not asked for): a .png or .svg name. */
    Outputs writesPicture(String option, Path file) {
        if (file != null) {
            try {
                Plots.checkName(file);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " " + e.getMessage(), e);
            }
        }
        return writes(option, file);
    }

    /**
     * Throws, naming the option, if a file cannot be written: its folder does not exist or cannot
     * be written to, it is a folder, it is one of the files read, or two options name it.
     */
    void check() {
        for (int i = 0; i < files.size(); i++) {
            String option = options.get(i);
            // the path as the OS will resolve it: "link/../x" is not "x" when link is a symbolic link
            Path f = files.get(i), abs = f.toAbsolutePath(), dir = abs.getParent();
            String what = option + " " + f + ": ";
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IllegalArgumentException(what + "folder " + dir + " does not exist");
            }
            if (Files.isDirectory(abs)) throw new IllegalArgumentException(what + "is a folder; expected a file name");
            if (!Files.isWritable(dir)) throw new IllegalArgumentException(what + "folder " + dir + " is not writable");
            for (Path in : inputs) {
                if (same(in, abs)) {
                    throw new IllegalArgumentException(what + "is a file this command reads; writing it would overwrite it");
                }
            }
            for (int j = 0; j < i; j++) {
                if (same(files.get(j), abs)) {
                    throw new IllegalArgumentException(what + "is also given to " + options.get(j) + "; expected two files");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
            // not both there yet: compare where the folders really are, and the names
            Path da = a.toAbsolutePath().getParent(), db = b.toAbsolutePath().getParent();
            if (da != null && db != null && Files.isDirectory(da) && Files.isDirectory(db)) {
                return Files.isSameFile(da, db) && a.getFileName().equals(b.getFileName());
            }
        } catch (IOException e) {
            // fall back to comparing the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
