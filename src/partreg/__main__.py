from partreg.cli import main

main()
