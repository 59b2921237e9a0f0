from mailsum.cli import main

main()
