package org.polycorpus.ingest;

import java.io.Serializable;

/** One listed input: its full path, its path relative to the input root, its size in bytes. */
public record InputFile(String path, String relativePath, long byteSize, String listingError)
    implements Serializable {}
