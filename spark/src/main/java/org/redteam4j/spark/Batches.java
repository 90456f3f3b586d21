package org.redteam4j.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Maps a partition's rows a batch at a time, lazily, so a partition never has to fit in memory. */
final class Batches<T, R> implements Iterator<R> {

    private final Iterator<T> input;
    private final int size;
    private final Function<List<T>, List<R>> map;
    private Iterator<R> current = Collections.emptyIterator();

    Batches(Iterator<T> input, int size, Function<List<T>, List<R>> map) {
        this.input = input;
        this.size = size;
        this.map = map;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && input.hasNext()) {
            List<T> batch = new ArrayList<>(size);
            while (batch.size() < size && input.hasNext()) {
                batch.add(input.next());
            }
            current = map.apply(batch).iterator();
        }
        return current.hasNext();
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
