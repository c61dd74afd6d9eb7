"""Lists the files to check: files as given, folders searched all the way down."""
import os


def files(paths, suffix):
    out = []
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                out.extend(os.path.join(folder, n) for n in names if n.endswith(suffix))
        else:
            out.append(path)
    return sorted(out)
