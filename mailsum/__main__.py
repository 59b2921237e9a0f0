from mailsum.cli.main import main

main()
