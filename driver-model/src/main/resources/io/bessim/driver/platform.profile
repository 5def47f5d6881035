sdio.clockHz = 50000000 | Hz | published | placeholder
