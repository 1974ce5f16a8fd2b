"""YAML for partreg: the only package that imports a YAML library (yaml-rs to read, ruamel.yaml for
positions, diagnostics and writing). Each module does one job; import from the one that does it:

* ``reading``: a file's bytes, text and data, or the problems that kept it from being read;
* ``diagnostics``: what is wrong with a file that is not valid YAML, and where;
* ``positions``: where each key and value starts (``scanner``, ``blocks``, ``flow`` and ``marks``
  are its quick scanner of block style);
* ``emitting``: a new arrangement file written out;
* ``editor``: a review added to a file in place;
* ``library``: ruamel.yaml set up the way the others use it.
"""
