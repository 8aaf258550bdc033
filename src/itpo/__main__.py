from itpo.adapters.cli import main

main()
