package io.echain.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository the checks run in. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("echain.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("backend/pom.xml"))) {
            throw new IllegalStateException("Not the repository root: " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
