from wsg.cli import main

main()
