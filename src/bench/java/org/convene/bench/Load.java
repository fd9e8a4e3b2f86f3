package org.convene.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average (1, 5, 15 minutes), printed beside every figure: the cores are shared. */
final class Load {

    private Load() {
    }

    /** "1.23 1.10 0.98", or "n/a" where /proc/loadavg does not exist. */
    static String average() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException notLinux) {
            return "n/a";
        }
    }
}
