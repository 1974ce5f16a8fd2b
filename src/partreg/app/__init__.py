"""The use cases, one function each, for any front end: what a command does once its options
are read, returning typed results for the front end to show. No typer, no rich, no printing.

``register`` loads the register (one policy for settings that cannot be
read, one meaning of "the entry with this id"); ``checking`` lints paths;
``browsing`` chooses and orders what list, show and review-due show;
``reviewing`` records a review; ``adding`` adds an entry; ``importing``
turns a spreadsheet's rows into entries; ``publishing`` publishes the site;
``exporting`` makes the statutory exports; ``classifying`` classifies an
arrangement; ``starting`` starts a register.
"""
