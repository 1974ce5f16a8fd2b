from partreg.entry import main

main()
