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


def validate_json_files(name, iter_errors, paths):
    """Counts every error of every JSON file under paths; prints a summary and returns the exit status.

    A file that is not JSON counts as invalid with one error, as Qualify counts it."""
    import json
    valid = invalid = errors = 0
    for path in files(paths, ".json"):
        with open(path, encoding="utf-8") as handle:
            try:
                document = json.load(handle)
            except ValueError:
                invalid += 1
                errors += 1
                continue
        found = sum(1 for _ in iter_errors(document))
        if found:
            invalid += 1
            errors += found
        else:
            valid += 1
    print(f"{name}: {valid + invalid} files, {valid} valid, {invalid} invalid, {errors} errors")
    return 1 if invalid else 0
