from wsg.entry import main

main()
